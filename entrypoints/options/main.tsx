import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { StoreFailure } from '../../components/StoreFailure';
import '../../components/theme.css';
import '../../components/options/options.css';

createRoot(document.getElementById('root')!).render(
  <StoreFailure what="its settings and your saved threads">
    <OptionsApp />
  </StoreFailure>,
);
