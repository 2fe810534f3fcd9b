// `node --import ./register.mjs`: resolves `electron` to the stub beside this file.
import { registerHooks } from 'node:module';

const stubUrl = new URL('./electron-stub.mjs', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: stubUrl, shortCircuit: true, format: 'module' };
    return nextResolve(specifier, context);
  },
});
