import { requireUser } from "./auth";

type User = Awaited<ReturnType<typeof requireUser>>;

// Checks the caller before the callback runs.
export function withAuth<I, R>(fn: (user: User, input: I) => Promise<R>) {
  return async (input: I) => {
    const user = await requireUser();
    return fn(user, input);
  };
}

// Runs the callback first and checks the caller afterwards, which is too
// late: the callback's effects have already happened.
export function withAuthAfter<I, R>(fn: (user: User | null, input: I) => Promise<R>) {
  return async (input: I) => {
    const result = await fn(null, input);
    await requireUser();
    return result;
  };
}
