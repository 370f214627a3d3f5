import { createRoot } from 'react-dom/client';
import '@gfa/shared/ui/theme.css';
import './workstation.css';
import { App } from './App.js';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
