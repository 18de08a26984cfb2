/**
 * The one crossing between money as the database stores it (BIGINT minor units, read by Prisma as
 * `bigint`) and money as the code computes with it (a JavaScript number of minor units, exact up to
 * Number.MAX_SAFE_INTEGER, i.e. 90 trillion CHF). ADR 012 says why amounts are integers over BIGINT.
 * Every read of an amount column goes through `minorFromColumn`, every write through `minorToColumn`,
 * so a value too large to be exact fails loudly instead of being rounded silently.
 */

/** A BIGINT amount column as a number of minor units; throws when it cannot be exact. */
export function minorFromColumn(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} is too large to compute with exactly`)
  }
  return Number(value)
}

/** A nullable BIGINT amount column (e.g. a CHF equivalent not computed yet). */
export function minorFromNullableColumn(value: bigint | null): number | null {
  return value === null ? null : minorFromColumn(value)
}

/** A number of minor units as a BIGINT column value; refuses fractions and unsafe integers. */
export function minorToColumn(minor: number): bigint {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole, exactly representable number of minor units`)
  return BigInt(minor)
}

/** A nullable amount for a BIGINT column. */
export function minorToNullableColumn(minor: number | null): bigint | null {
  return minor === null ? null : minorToColumn(minor)
}
