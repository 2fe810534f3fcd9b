import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from './sessionStore';
import type { Transport } from '../transport/transport';

export const SessionStoreContext = createContext<SessionStore | null>(null);

/** Reads the session store from the nearest provider. */
export function useSession<T>(select: (s: SessionState) => T): T {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSession outside <SessionStoreContext.Provider>');
  return useStore(store, select);
}

export const TransportContext = createContext<Transport | null>(null);

export function useTransport(): Transport {
  const t = useContext(TransportContext);
  if (!t) throw new Error('useTransport outside <TransportContext.Provider>');
  return t;
}

/** The store itself, for reading the latest state inside event handlers. */
export function useSessionStore(): SessionStore {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSessionStore outside <SessionStoreContext.Provider>');
  return store;
}
