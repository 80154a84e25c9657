/**
 * An error whose message is written for staff: it says what is wrong and what to do, in plain
 * English. Entry points show these as they are; any other error is a fault, logged and shown
 * with a generic apology.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Input that failed validation: every problem found, each naming the field to fix. */
export class ValidationError extends UserFacingError {
  readonly problems: ReadonlyArray<{ field: string; message: string }>;
  constructor(problems: ReadonlyArray<{ field: string; message: string }>) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** The user is not allowed to do this. */
export class NotAllowedError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowedError';
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError || (error instanceof Error && /^(UserFacingError|ValidationError|NotAllowedError)$/.test(error.name));
}
