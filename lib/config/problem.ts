// Its own module so that the settings rules (imported by the settings schema) and the policy
// parser (which imports the settings schema) can both name it without an import cycle.

/** One rejected part of a policy or import, with the exact path an admin can look for. */
export interface PolicyProblem {
  path: string;
  message: string;
}
