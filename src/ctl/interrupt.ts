// Ctrl-C and SIGTERM for long-running commands (lock, elect, make-mirror): etcdctl catches both to release
// what it holds before exiting. The returned controller aborts on the first of them.
export function interruptController(): { signal: AbortSignal; interrupted: Promise<void> } {
  const ac = new AbortController();
  const interrupted = new Promise<void>((resolve) => {
    const on = (): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      ac.abort();
      resolve();
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  return { signal: ac.signal, interrupted };
}
