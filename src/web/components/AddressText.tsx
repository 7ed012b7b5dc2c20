import type { Address } from '../api.ts';
import { addressLines } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** An address on its lines, or "address protected" when the reader may not see it. */
export function AddressText({
  address,
  protectedAddress = false,
}: {
  address: Address | null;
  protectedAddress?: boolean;
}) {
  const { t, language } = useI18n();
  if (!address && protectedAddress) return <ProtectedAddress />;
  if (!address) return null;
  return (
    <span className="address">
      {addressLines(address, language).map((line, index) => (
        <span key={index} className="address__line">
          {line}
        </span>
      ))}
      {protectedAddress && <span className="badge badge--warning">{t('protection.badge')}</span>}
    </span>
  );
}

export function ProtectedAddress() {
  const { t } = useI18n();
  return <span className="badge badge--warning">{t('protection.addressProtected')}</span>;
}
