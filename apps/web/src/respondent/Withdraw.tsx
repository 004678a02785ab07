import { useState } from 'react';
import { graphql } from '../graphql';
import { respondentClient } from './respondent-client';

const WithdrawResponse = graphql(`
  mutation RespondentWithdraw($token: String!) {
    withdrawResponse(token: $token) {
      state
    }
  }
`);

/** Takes back submitted answers (pseudonymous or identified ones), after asking once more. */
export function Withdraw({ token }: { token: string }) {
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<{ done: boolean; message: string } | null>(null);
  if (outcome) return <p role={outcome.done ? 'status' : 'alert'} className={outcome.done ? undefined : 'error'}>{outcome.message}</p>;
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Withdraw my answers
      </button>
    );
  }
  return (
    <div role="group" aria-label="Withdraw your answers">
      <p>Your answers will be erased and reports will no longer count them. This cannot be undone.</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const result = await respondentClient.mutation(WithdrawResponse, { token }).toPromise();
            setOutcome(
              result.data ? { done: true, message: 'Your answers are withdrawn and erased.' } : { done: false, message: result.error?.graphQLErrors[0]?.message ?? 'They could not be withdrawn: try again.' },
            );
          }}
        >
          Yes, withdraw them
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Keep them
        </button>
      </div>
    </div>
  );
}
