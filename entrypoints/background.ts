export default defineBackground(() => {
  // Later issues (saved threads, new-reply checks) hang their listeners here.
});
