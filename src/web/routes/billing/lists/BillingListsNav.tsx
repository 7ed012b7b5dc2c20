import { NavLink } from 'react-router';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { missingPermission } from '../../../route-access.ts';
import type { MessageKey } from '../../../i18n/catalogue.ts';
import { useMe } from '../../../session.tsx';

const LISTS: { to: string; label: MessageKey }[] = [
  { to: '/billing/orders', label: 'billingLists.orders' },
  { to: '/billing/invoices', label: 'billingLists.invoices' },
  { to: '/billing/runs', label: 'billingLists.runs' },
  { to: '/billing/invoice-run', label: 'invoiceRun.nav' },
];

/** Between billing's lists (and the invoice run): those the user's role may open. */
export function BillingListsNav() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <nav className="list-tabs" aria-label={t('billingLists.lists')}>
      <ul>
        {LISTS.filter((list) => missingPermission(list.to, me.can) === null).map((list) => (
          <li key={list.to}>
            <NavLink
              to={list.to}
              end
              className={({ isActive }) =>
                `list-tabs__link${isActive ? ' list-tabs__link--active' : ''}`
              }
            >
              {t(list.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
