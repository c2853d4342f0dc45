import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/theme.css';
import '../../components/popup/popup.css';

createRoot(document.getElementById('root')!).render(<PopupApp />);
