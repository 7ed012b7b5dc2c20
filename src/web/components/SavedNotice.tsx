import { InlineAlert } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

export type SavedState = { saved: 'created' | 'updated' };

const isSavedState = (state: unknown): state is SavedState =>
  typeof state === 'object' && state !== null && 'saved' in state;

/** "Saved" after a form sent the user to the record's page (carried in the history state). */
export function SavedNotice({ state }: { state: unknown }) {
  const { t } = useI18n();
  if (!isSavedState(state)) return null;
  return (
    <div role="status">
      <InlineAlert className="notice notice--success">
        {state.saved === 'created' ? t('common.createdNotice') : t('common.updatedNotice')}
      </InlineAlert>
    </div>
  );
}
