/** A unique index refused the row (PostgreSQL 23505), as either driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return withCode?.code === '23505' || withCode?.cause?.code === '23505';
}

/** The role lacks a privilege (PostgreSQL 42501), as either driver reports it. */
export function isPermissionDenied(error: unknown): boolean {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return withCode?.code === '42501' || withCode?.cause?.code === '42501';
}

/** A foreign key refused the row or the delete (PostgreSQL 23503), as either driver reports it. */
export function isForeignKeyViolation(error: unknown): boolean {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return withCode?.code === '23503' || withCode?.cause?.code === '23503';
}
