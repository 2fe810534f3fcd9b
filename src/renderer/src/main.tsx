import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { pickTransport } from './transport/pickTransport';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App transport={pickTransport(window)} />);
