import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCall } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import { commitmentText, StatusBadge } from './staff-view.tsx';

/** Every account: role, partner, status, authenticator and the current commitment. */
export function StaffListPage() {
  const { t } = useI18n();
  const list = useCall(staffApi.list, {});

  return (
    <div className="staff-page">
      <PageHeading title={t('staff.title')} />
      <Paragraph>{t('staff.intro')}</Paragraph>
      <div className="staff-page__links">
        <RouterLink asComponent={Link} to="/staff/new">
          {t('staff.newUser')}
        </RouterLink>
        <RouterLink asComponent={Link} to="/settings/commitment">
          {t('staff.commitmentSettingsLink')}
        </RouterLink>
      </div>

      <Loaded query={list}>
        {(data) => (
          <>
            <p className="search-results__status">
              {t(data.items.length === 1 ? 'staff.countOne' : 'staff.countMany', {
                count: data.items.length,
              })}{' '}
              {t('staff.currentVersion', { version: data.currentCommitmentVersion })}
            </p>
            <div className="log-table__scroll">
              <table className="log-table staff-table">
                <caption className="visually-hidden">{t('staff.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.username')}</th>
                    <th scope="col">{t('staff.fullName')}</th>
                    <th scope="col">{t('staff.role')}</th>
                    <th scope="col">{t('staff.status')}</th>
                    <th scope="col">{t('staff.totp')}</th>
                    <th scope="col">{t('staff.commitment')}</th>
                    <th scope="col">{t('staff.expiresOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((account) => (
                    <tr key={account.id}>
                      <th scope="row">
                        <RouterLink asComponent={Link} to={`/staff/${account.id}`}>
                          {account.username}
                        </RouterLink>
                      </th>
                      <td className="staff-table__wrap">{account.fullName}</td>
                      <td className="staff-table__wrap">
                        {t(`role.${account.role}`)}
                        {account.partnerName && <div className="muted">{account.partnerName}</div>}
                      </td>
                      <td>
                        <StatusBadge status={account.status} t={t} />
                      </td>
                      <td>{account.totpEnabled ? t('staff.totpOn') : t('staff.totpOff')}</td>
                      <td>{commitmentText(account, t)}</td>
                      <td>
                        {account.expiresOn ? formatDate(account.expiresOn) : t('staff.noExpiry')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Loaded>
    </div>
  );
}
