export default defineBackground(() => {
  // Wiring lands with the extension shell (issue 3).
});
