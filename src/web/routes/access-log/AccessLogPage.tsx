import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RouterLink,
  TextInput,
} from 'suomifi-ui-components';
// Browser-safe server files: constants only, no imports of their own.
import { ROLES, type Role } from '../../../contract/auth/permissions.ts';
import { IDENTITY_CODE_PURPOSES } from '../../../contract/persons/persons.constants.ts';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePages } from '../../data.ts';
import { formatDate, formatDateTime, parseFinnishDate } from '../../format.ts';
import { LANGUAGES, type Language } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import {
  ACTIONS,
  describeChanges,
  filtersFrom,
  filtersToParams,
  isAction,
  isFlag,
  isUuid,
  timeRange,
  type Filters,
} from './access-log.ts';
import { LogPicker, PERSONS, USERS, type Pick } from './LogPickers.tsx';
import { useLogWords } from './log-words.ts';
import {
  MACHINE_CLIENT_ROLE,
  type LoggedSubject,
} from '../../../contract/access-log/access-log.schemas.ts';

const PAGE_SIZE = 50;

/** The form's text: dates as the user writes them (d.m.yyyy). */
type Draft = Omit<Filters, 'from' | 'to'> & { from: string; to: string };

const draftOf = (filters: Filters): Draft => ({
  ...filters,
  from: filters.from ? formatDate(filters.from) : '',
  to: filters.to ? formatDate(filters.to) : '',
});

type DraftErrors = Partial<Record<keyof Draft, string>>;

export function AccessLogPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const key = JSON.stringify(filters);
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [picked, setPicked] = useState<Record<string, Pick>>({});
  const rowHeads = useRef(new Map<number, HTMLTableCellElement>());

  // Back and forward change the filters in the URL: the form follows them.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setDraft(draftOf(filters));
    setErrors({});
  }

  const results = usePages(accessLogApi.list, {
    query: {
      subjectId: filters.subjectId || undefined,
      userId: filters.userId || undefined,
      action: filters.action || undefined,
      flag: filters.flag || undefined,
      ...timeRange(filters),
      limit: PAGE_SIZE,
    },
  });

  useEffect(() => {
    if (focusRow === null) return;
    rowHeads.current.get(focusRow)?.focus();
    setFocusRow(null);
  }, [focusRow, results]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: DraftErrors = {};
    const subjectId = draft.subjectId.trim();
    const userId = draft.userId.trim();
    const dateError = errorText({ code: 'date.format', message: 'd.m.yyyy' });
    const from = draft.from.trim() ? parseFinnishDate(draft.from) : '';
    const to = draft.to.trim() ? parseFinnishDate(draft.to) : '';
    if (from === null) next.from = dateError;
    if (to === null) next.to = dateError;
    if (from && to && to < from) next.to = t('accessLog.toBeforeFrom');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const chosen: Filters = {
      subjectId,
      userId,
      action: draft.action,
      flag: draft.flag,
      from: from ?? '',
      to: to ?? '',
    };
    // A search sent again unchanged reads the log anew.
    if (JSON.stringify(chosen) === key) results.reload();
    setParams(filtersToParams(chosen));
  };

  const field = (name: keyof Draft) => ({
    id: `access-log-${name}`,
    value: draft[name],
    onChange: (value: string | number | undefined) =>
      setDraft((current) => ({ ...current, [name]: value === undefined ? '' : String(value) })),
    status: errors[name] ? ('error' as const) : ('default' as const),
    statusText: errors[name],
    fullWidth: true,
    autoComplete: 'off',
  });

  const canReadCustomers = me.can('customers.read');
  /** Whom a filter names: as picked, else as the log's page shows them, else by id. */
  const pickOf = (id: string, kind: 'subject' | 'user'): Pick | null => {
    if (!id) return null;
    const known = picked[id];
    if (known) return known;
    for (const entry of results.items) {
      if (kind === 'user' && entry.userId === id && entry.username) {
        return { id, name: entry.userFullName ?? entry.username, detail: entry.username };
      }
      const subject = entry.subjects.find((one) => one.id === id);
      if (kind === 'subject' && subject?.kind === 'person') {
        return { id, name: subject.name, detail: subject.identityCode };
      }
    }
    return { id, name: t('logHuman.chosenId', { id }), detail: null };
  };
  const choose = (name: 'subjectId' | 'userId') => (pick: Pick | null) => {
    if (pick) setPicked((current) => ({ ...current, [pick.id]: pick }));
    setDraft((current) => ({ ...current, [name]: pick?.id ?? '' }));
  };
  const { fieldName, fieldNames } = useLogWords();
  const changeTexts = {
    changed: t('accessLog.changed'),
    empty: t('accessLog.emptyValue'),
    field: fieldName,
    value: (name: string, value: unknown) => {
      if (name === 'language' && isLanguage(value)) return t(`language.${value}`);
      if (name === 'personalIdentityCodePurpose' && isPurpose(value)) return t(`purpose.${value}`);
      return null;
    },
  };

  return (
    <div className="access-log">
      {filters.subjectId && canReadCustomers && isUuid(filters.subjectId) && (
        <BackLink to={`/persons/${filters.subjectId}`}>{t('accessLog.backToPerson')}</BackLink>
      )}
      <PageHeading title={t('accessLog.title')} />
      <Paragraph mb="m">{t('accessLog.intro')}</Paragraph>

      <form className="log-filters" onSubmit={submit} noValidate aria-labelledby="log-filters">
        <Heading variant="h2" id="log-filters" className="visually-hidden">
          {t('accessLog.filters')}
        </Heading>
        <div className="log-filters__grid">
          {/* Persons are found with the register's search, which only readers of customers use. */}
          {canReadCustomers && (
            <LogPicker
              id="access-log-subject"
              texts={{
                find: t('logHuman.subjectFind'),
                hint: t('logHuman.subjectFindHint'),
                chosen: t('logHuman.subjectChosen'),
              }}
              chosen={pickOf(draft.subjectId, 'subject')}
              onChoose={choose('subjectId')}
              source={PERSONS}
            />
          )}
          <LogPicker
            id="access-log-user"
            texts={{
              find: t('logHuman.userFind'),
              hint: t('logHuman.userFindHint'),
              chosen: t('logHuman.userChosen'),
            }}
            chosen={pickOf(draft.userId, 'user')}
            onChoose={choose('userId')}
            source={USERS}
          />
          <Dropdown
            labelText={t('accessLog.action')}
            value={draft.action || 'all'}
            onChange={(value: string) =>
              setDraft((current) => ({ ...current, action: isAction(value) ? value : '' }))
            }
          >
            {['all', ...ACTIONS].map((option) => (
              <DropdownItem key={option} value={option}>
                {isAction(option) ? t(`accessLog.action.${option}`) : t('accessLog.allActions')}
              </DropdownItem>
            ))}
          </Dropdown>
          <TextInput
            {...field('from')}
            labelText={t('accessLog.from')}
            hintText={t('accessLog.dateHint')}
            inputMode="numeric"
          />
          <TextInput
            {...field('to')}
            labelText={t('accessLog.to')}
            hintText={t('accessLog.dateHint')}
            inputMode="numeric"
          />
          <Checkbox
            className="log-filters__flag"
            checked={draft.flag === 'breakGlass'}
            hintText={t('accessLog.flagOnlyHint')}
            onClick={({ checkboxState }) =>
              setDraft((current) => ({ ...current, flag: checkboxState ? 'breakGlass' : '' }))
            }
          >
            {t('accessLog.flagOnly')}
          </Checkbox>
        </div>
        <div className="log-filters__actions">
          <Button type="submit">{t('accessLog.show')}</Button>
          {Object.keys(filtersToParams(filters)).length > 0 && (
            <RouterLink asComponent={Link} to="/access-log">
              {t('accessLog.clear')}
            </RouterLink>
          )}
        </div>
      </form>

      <div className="search-results">
        {results.status === 'loading' && <Loading />}
        {results.status === 'failed' && <ProblemNotice error={results.error} />}
        {/* Always in the page, so a screen reader announces each new count. */}
        <p className="search-results__status" role="status">
          {results.status === 'ready' && (
            <>
              {results.items.length === 0
                ? t('accessLog.none')
                : t(results.items.length === 1 ? 'accessLog.countOne' : 'accessLog.countMany', {
                    count: results.items.length,
                  })}{' '}
              {results.hasMore && t('accessLog.moreAvailable')}
            </>
          )}
        </p>
      </div>

      {results.items.length > 0 && (
        <>
          <div className="log-table__scroll">
            <table className="log-table">
              <caption className="visually-hidden">{t('accessLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.time')}</th>
                  <th scope="col">{t('accessLog.user')}</th>
                  <th scope="col">{t('accessLog.action')}</th>
                  <th scope="col">{t('accessLog.subjects')}</th>
                  <th scope="col">{t('accessLog.fields')}</th>
                  <th scope="col">{t('accessLog.purpose')}</th>
                  <th scope="col">{t('accessLog.changes')}</th>
                  <th scope="col">{t('accessLog.clientAddress')}</th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((entry, index) => {
                  const changes = describeChanges(entry.changes, changeTexts);
                  return (
                    <tr
                      key={entry.position}
                      className={entry.flag ? 'log-table__row--flagged' : undefined}
                    >
                      <th
                        scope="row"
                        className="log-table__time"
                        tabIndex={-1}
                        ref={(element) => {
                          if (element) rowHeads.current.set(index, element);
                          else rowHeads.current.delete(index);
                        }}
                      >
                        {formatDateTime(entry.occurredAt)}
                      </th>
                      <td className="log-table__user">
                        {entry.username && entry.userId ? (
                          <RouterLink
                            asComponent={Link}
                            to={`/access-log?userId=${encodeURIComponent(entry.userId)}`}
                            aria-label={t('accessLog.userEntries', {
                              username: entry.userFullName ?? entry.username,
                            })}
                          >
                            {entry.userFullName ?? entry.username}
                          </RouterLink>
                        ) : (
                          (entry.username ?? t('accessLog.unknownUser'))
                        )}
                        {entry.userFullName && entry.username && (
                          <div className="muted">{entry.username}</div>
                        )}
                        {entry.role && (
                          <div className="muted">
                            {isRoleKey(entry.role)
                              ? t(`role.${entry.role}`)
                              : entry.role === MACHINE_CLIENT_ROLE
                                ? t('accessLog.machineClient')
                                : entry.role}
                          </div>
                        )}
                        {entry.partnerId && (
                          <div className="muted">
                            {t('partners.logPartner', {
                              name: entry.partnerName ?? entry.partnerId,
                            })}
                          </div>
                        )}
                      </td>
                      <td>
                        {isAction(entry.action)
                          ? t(`accessLog.action.${entry.action}`)
                          : entry.action}
                        {entry.flag && (
                          <div className="log-table__flag">
                            <span className="badge badge--warning">
                              {isFlag(entry.flag) ? t(`accessLog.flag.${entry.flag}`) : entry.flag}
                            </span>
                          </div>
                        )}
                      </td>
                      <td>
                        <SubjectList subjects={entry.subjects} link={canReadCustomers} />
                      </td>
                      <td>{fieldNames(entry.fields)}</td>
                      <td>{entry.purpose}</td>
                      <td className="log-table__changes">
                        {changes.length > 0 && (
                          <ul className="log-table__list">
                            {changes.map((line) => (
                              <li key={line}>{line}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="log-table__address">{entry.clientAddress}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <LoadMore
            pages={results}
            onLoad={() => results.loadMore(setFocusRow)}
            label={t('accessLog.loadMore')}
          />
        </>
      )}
    </div>
  );
}

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

const isPurpose = (value: unknown): value is (typeof IDENTITY_CODE_PURPOSES)[number] =>
  typeof value === 'string' && (IDENTITY_CODE_PURPOSES as readonly string[]).includes(value);

const isRoleKey = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * Whose data: each person by name and masked identity code, linked to their page for a reader
 * of customers; a staff account by name; the id only where neither register knows it now.
 */
function SubjectList({ subjects, link }: { subjects: LoggedSubject[]; link: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="log-table__list">
      {subjects.map((subject) => (
        <li key={subject.id}>
          {subject.kind === 'person' ? (
            <>
              {link ? (
                <RouterLink asComponent={Link} to={`/persons/${encodeURIComponent(subject.id)}`}>
                  {subject.name}
                </RouterLink>
              ) : (
                <span>{subject.name}</span>
              )}
              {subject.identityCode && <div className="muted">{subject.identityCode}</div>}
            </>
          ) : subject.kind === 'staff' ? (
            t('logHuman.staffSubject', { name: subject.name ?? subject.username })
          ) : (
            <span className="log-table__ids">
              {t('logHuman.unknownSubject', { id: subject.id })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
