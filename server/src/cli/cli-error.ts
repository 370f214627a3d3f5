/** A failure the user must read: French message, exit code 1. */
export class CliError extends Error {}
