import { Provider } from 'urql';
import { App } from './App';
import { client } from './client';

/** The admin and evaluator app, with its signed-in GraphQL client. */
export function AdminRoot() {
  return (
    <Provider value={client}>
      <App />
    </Provider>
  );
}
