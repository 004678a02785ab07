import { useState } from 'react';

/** What a form says after a submit: a status when it worked, an alert when not. Returns the view and its setter. */
export function useFormMessage() {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const view = message && (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
      {message.text}
    </p>
  );
  return [view, setMessage] as const;
}
