import { useEffect } from 'react';

interface FlashMessageProps {
  message: string | null;
  onDone: () => void;
}

/** A short confirmation ("Deployment created") that screen readers announce and that fades after a while. */
export function FlashMessage({ message, onDone }: FlashMessageProps) {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDone, 6000);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="flash-region" role="status" aria-live="polite">
      {message && <p className="notice notice-success">{message}</p>}
    </div>
  );
}
