import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/grid.css';
import './styles/detail.css';
import './styles/analysis.css';
import './styles/pages.css';
import './styles/review.css';
import './styles/quality.css';
import './styles/ads.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
