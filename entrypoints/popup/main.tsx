import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { StoreFailure } from '../../components/StoreFailure';
import '../../components/theme.css';
import '../../components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <StoreFailure what="your saved threads">
    <PopupApp />
  </StoreFailure>,
);
