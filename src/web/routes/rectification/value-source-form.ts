import type { FormValues } from '../../components/form.ts';
import {
  GIVEN_SOURCE_KINDS,
  type ValueSourceKind,
} from '../../../contract/persons/value-sources.constants.ts';

export { GIVEN_SOURCE_KINDS };

/** The form's values of the source, beside the person's own fields. */
export const SOURCE_FORM_VALUES: FormValues = {
  'source.kind': 'staff',
  'source.partnerId': '',
  'source.reference': '',
};

type GivenSource = {
  kind: Exclude<ValueSourceKind, 'request'>;
  partnerId?: string;
  reference?: string;
};

/**
 * The input with the source the form names. Staff without a reference is what the server
 * records anyway, so it is not sent; an input with nothing in it stays empty (nothing changed).
 */
export function withValueSource<T extends object>(input: T, values: FormValues): T {
  if (Object.keys(input).length === 0) return input;
  const kind = (values['source.kind'] || 'staff') as GivenSource['kind'];
  const reference = values['source.reference']?.trim() ?? '';
  if (kind === 'staff' && reference === '') return input;
  const source: GivenSource = { kind };
  if (kind === 'partner') source.partnerId = values['source.partnerId'] ?? '';
  if (reference) source.reference = reference;
  return { ...input, source };
}
