import { useId, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useFormMessage } from '../../app/form-message';
import { graphql } from '../../graphql';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** The signed-in person's own account: change the password (other sessions end). */
export function AccountPage() {
  const [, change] = useMutation(ChangePassword);
  const [message, setMessage] = useFormMessage();
  const ids = { current: useId(), next: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = await change({ input: { currentPassword: String(values.get('current')), newPassword: String(values.get('next')) } });
    if (result.error) setMessage({ text: result.error.graphQLErrors[0]?.message ?? result.error.message, error: true });
    else {
      setMessage({ text: 'Your password is changed. Your other sessions have ended.', error: false });
      form.reset();
    }
  }

  return (
    <>
      <h1>Your account</h1>
      <form className="card form" onSubmit={submit} aria-label="Change your password">
        <h2>Change your password</h2>
        {message}
        <label htmlFor={ids.current}>Current password</label>
        <input id={ids.current} name="current" type="password" autoComplete="current-password" required />
        <label htmlFor={ids.next}>New password (at least 12 characters)</label>
        <input id={ids.next} name="next" type="password" autoComplete="new-password" minLength={12} required />
        <button type="submit" className="primary">
          Change password
        </button>
      </form>
    </>
  );
}
