/** Something in an interval report a user must fix; the message names the line and column. */
export class IntervalReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IntervalReportError";
  }
}
