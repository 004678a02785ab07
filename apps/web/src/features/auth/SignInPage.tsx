import { useId, useState, type FormEvent } from 'react';
import { signIn } from './session';

/** Email and password; on success the app shows what the account may see. */
export function SignInPage() {
  const [fetching, setFetching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const emailId = useId();
  const passwordId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    setFetching(true);
    const refused = await signIn(String(form.get('email')), String(form.get('password')));
    setFetching(false);
    if (refused) setProblem(refused);
  }

  return (
    <>
      <h1>Sign in</h1>
      <p>For trust and PCN admins and evaluators. If you were sent a survey link, open that link instead: you do not need to sign in.</p>
      <form className="card form" onSubmit={submit} noValidate>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <label htmlFor={emailId}>Email address</label>
        <input id={emailId} name="email" type="email" autoComplete="username" required />
        <label htmlFor={passwordId}>Password</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
