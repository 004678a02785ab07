import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { setSessionToken } from './session';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

/** Email and password; on success the app shows what the account may see. */
export function SignInPage() {
  const [result, signIn] = useMutation(SignInMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const emailId = useId();
  const passwordId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    const outcome = await signIn({ input: { email: String(form.get('email')), password: String(form.get('password')) } });
    const token = outcome.data?.signIn.token;
    if (token) setSessionToken(token);
    else setProblem(outcome.error?.graphQLErrors[0]?.message ?? 'Harbour could not be reached. Try again.');
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
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
