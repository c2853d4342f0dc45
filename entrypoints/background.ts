import { RAW_GLOSSARY } from '../utils/glossary/data';
import { isGlossaryRequest } from '../utils/browser/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message) => {
    if (isGlossaryRequest(message)) return Promise.resolve(RAW_GLOSSARY);
    return undefined;
  });
});
