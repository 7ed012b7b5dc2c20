import { createHash } from 'node:crypto';
import { loadRetentionYears } from '../retention/retention.service.ts';
import type { RetentionYears } from '../access-package/access-package.texts.ts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  partners,
  privacyStatementPublished,
  privacyStatementSettings,
} from '../../db/schema/index.ts';
import type { PostalAddress } from '../../db/schema/customers.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { PACKAGE_TEXTS, PURPOSES, RETENTIONS } from '../access-package/access-package.texts.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { isInEea } from '../../../contract/countries.ts';
import { formatPhoneFinnish } from '../../../finnish/index.ts';
import {
  TRANSFER_SAFEGUARDS,
  type TransferSafeguard,
} from '../../../contract/partners/transfer-terms.ts';
import {
  STATEMENT_LANGUAGES,
  type EditableSection,
  type LocalisedText,
  type PrivacyStatement,
  type PrivacyStatementSettingsInput,
  type PrivacyStatementSettingsView,
  type StatementBlock,
  type StatementLanguage,
  type StatementSection,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';
import type { Source } from '../../../contract/enums.ts';
import { STATEMENT_TEXTS } from './privacy-statement.texts.ts';

type SettingsRow = typeof privacyStatementSettings.$inferSelect;

export function privacyStatementNotSetUp(): AppError {
  return new AppError('conflict', 'The privacy statement has not been set up yet', {
    errors: [
      {
        field: 'privacyStatement',
        message: "An administrator first saves the controller's details for the statement",
        code: 'privacyStatement.notSetUp',
      },
    ],
  });
}

/** The public pages' settings, or null before the administrator's first save. */
export async function findSettings(db: Db): Promise<SettingsRow | null> {
  const [row] = await db
    .select()
    .from(privacyStatementSettings)
    .where(eq(privacyStatementSettings.id, 1));
  return row ?? null;
}

/** The public pages' settings; 409 `privacyStatement.notSetUp` before the first save. */
export async function loadSettings(db: Db): Promise<SettingsRow> {
  const row = await findSettings(db);
  if (!row) throw privacyStatementNotSetUp();
  return row;
}

function toView(row: SettingsRow): PrivacyStatementSettingsView {
  return {
    controller: row.controller,
    contactPerson: row.contactPerson,
    registerName: row.registerName,
    drawnUpOn: row.drawnUpOn,
    texts: row.texts,
    accessibility: row.accessibility,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function getPrivacyStatementSettings(
  ctx: CustomerContext,
): Promise<PrivacyStatementSettingsView> {
  return toView(await loadSettings(ctx.db));
}

/**
 * Replaces the settings. They describe the municipality, not a person: no access-log entry, but
 * the row keeps who changed it last and when.
 */
export async function savePrivacyStatementSettings(
  ctx: CustomerContext,
  input: PrivacyStatementSettingsInput,
): Promise<PrivacyStatementSettingsView> {
  const values = { ...input, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId };
  const [row] = await ctx.db
    .insert(privacyStatementSettings)
    .values({ ...values, id: 1 })
    .onConflictDoUpdate({ target: privacyStatementSettings.id, set: values })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return toView(row);
}

/** What the register itself says of its sources, recipients and transfers. */
type RegisterFacts = {
  settings: SettingsRow;
  retentionYears: RetentionYears;
  populationRegister: boolean;
  sourcePartners: string[];
  recipientPartners: { name: string; country: string }[];
  transfers: { name: string; country: string; safeguard: string | null; necessity: string }[];
};

async function registerFacts(
  db: Db,
  clock: Clock,
  populationRegister: boolean,
): Promise<RegisterFacts> {
  const settings = await loadSettings(db);
  const today = helsinkiDate(clock.now());
  const rows = (
    await db
      .select({
        name: partners.name,
        country: partners.country,
        roles: partners.roles,
        contractEndsOn: partners.contractEndsOn,
        transferSafeguard: partners.transferSafeguard,
        transferNecessity: partners.transferNecessity,
      })
      .from(partners)
      .orderBy(partners.name)
  ).filter((p) => p.contractEndsOn === null || p.contractEndsOn >= today);
  return {
    settings,
    retentionYears: await loadRetentionYears(db),
    populationRegister,
    sourcePartners: rows.filter((p) => p.roles.includes('source')).map((p) => p.name),
    recipientPartners: rows
      .filter((p) => p.roles.includes('recipient'))
      .map((p) => ({ name: p.name, country: p.country })),
    transfers: rows
      .filter(
        (p) =>
          !isInEea(p.country) && (p.roles.includes('processor') || p.roles.includes('recipient')),
      )
      .map((p) => ({
        name: p.name,
        country: p.country,
        safeguard: p.transferSafeguard,
        necessity: p.transferNecessity ?? '',
      })),
  };
}

const LOCALES: Record<StatementLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDay(day: string, language: StatementLanguage): string {
  const [year, month, date] = day.split('-').map(Number);
  // Finnish and Swedish in Finland write 7.12.2026; English spells the month out.
  if (language !== 'en') return `${date}.${month}.${year}`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const countryName = (country: string, language: StatementLanguage) =>
  new Intl.DisplayNames([LOCALES[language]], { type: 'region' }).of(country) ?? country;

const addressLines = (address: PostalAddress, language: StatementLanguage) => [
  address.street,
  `${address.postalCode} ${address.postOffice}`,
  ...(address.country === 'FI' ? [] : [countryName(address.country, language)]),
];

const isSafeguard = (value: string | null): value is TransferSafeguard =>
  (TRANSFER_SAFEGUARDS as readonly (string | null)[]).includes(value);

export const paragraph = (text: string, lang?: StatementLanguage): StatementBlock =>
  lang ? { kind: 'paragraph', text, lang } : { kind: 'paragraph', text };

/** The administrator's own paragraphs in the language; a missing translation shows the Finnish. */
export function ownParagraphs(
  texts: LocalisedText | undefined,
  language: StatementLanguage,
): StatementBlock[] {
  const own = texts?.[language];
  const shown = own ?? texts?.fi ?? null;
  if (!shown) return [];
  const lang = own ? undefined : 'fi';
  return shown
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => paragraph(part, lang));
}

const freeText = (settings: SettingsRow, section: EditableSection, language: StatementLanguage) =>
  ownParagraphs(settings.texts[section], language);

function sourcesShown(facts: RegisterFacts): Source[] {
  const fromPartners = facts.sourcePartners.length > 0;
  const shown: Record<Source, boolean> = {
    dataSubject: true,
    populationRegister: facts.populationRegister,
    updateServices: fromPartners,
    subcontractors: fromPartners,
    partners: fromPartners,
    municipality: true,
    socialWorkers: true,
  };
  return (Object.keys(shown) as Source[]).filter((source) => shown[source]);
}

/** The statement in one language; `lastChangedOn` is left empty to hash the content. */
function render(
  facts: RegisterFacts,
  language: StatementLanguage,
  lastChangedOn: string,
): PrivacyStatement {
  const t = STATEMENT_TEXTS[language];
  const pkg = PACKAGE_TEXTS[language];
  const { settings } = facts;
  const { controller, contactPerson } = settings;
  const controllerAddress = addressLines(controller.address, language).join(', ');
  const shownDay = (day: string) => (day ? formatDay(day, language) : '');

  const sections: Record<StatementSection, StatementBlock[]> = {
    drawnUp: [paragraph(t.drawnUp(shownDay(settings.drawnUpOn), shownDay(lastChangedOn)))],
    controller: [
      {
        kind: 'contact',
        lines: [
          controller.name,
          ...(controller.businessId ? [t.businessId(controller.businessId)] : []),
          ...addressLines(controller.address, language),
          controller.email,
          ...(controller.phone ? [formatPhoneFinnish(controller.phone)] : []),
        ],
      },
    ],
    contactPerson: [
      {
        kind: 'contact',
        lines: [
          contactPerson.name,
          ...(contactPerson.title ? [contactPerson.title] : []),
          ...(contactPerson.address ? addressLines(contactPerson.address, language) : []),
          ...(contactPerson.phone ? [formatPhoneFinnish(contactPerson.phone)] : []),
          contactPerson.email,
        ],
      },
    ],
    registerName: [paragraph(settings.registerName[language])],
    purposes: [
      { kind: 'list', items: PURPOSES.map((purpose) => pkg.purposes[purpose]) },
      ...freeText(settings, 'purposes', language),
    ],
    content: [
      paragraph(t.contentIntro),
      { kind: 'list', items: t.content },
      paragraph(t.contentSocialIntro),
      { kind: 'list', items: t.contentSocial },
    ],
    sources: [
      { kind: 'list', items: sourcesShown(facts).map((source) => pkg.sources[source]) },
      ...(facts.sourcePartners.length > 0
        ? [paragraph(t.sourcePartners), { kind: 'list' as const, items: facts.sourcePartners }]
        : []),
      ...freeText(settings, 'sources', language),
    ],
    disclosures: [
      {
        kind: 'list',
        items: (['collection', 'creditDecision', 'legalObligation'] as const).map(
          (recipient) => pkg.recipients[recipient],
        ),
      },
      ...(facts.recipientPartners.length > 0
        ? [
            paragraph(t.recipientPartners),
            {
              kind: 'list' as const,
              items: facts.recipientPartners.map(
                (p) => `${p.name} (${countryName(p.country, language)})`,
              ),
            },
          ]
        : []),
      ...freeText(settings, 'disclosures', language),
    ],
    transfers:
      facts.transfers.length === 0
        ? [paragraph(t.noTransfers)]
        : [
            paragraph(t.transfersIntro),
            {
              kind: 'list',
              items: facts.transfers.map((transfer) =>
                t.transfer(
                  transfer.name,
                  countryName(transfer.country, language),
                  isSafeguard(transfer.safeguard) ? t.safeguards[transfer.safeguard] : '—',
                  transfer.necessity,
                ),
              ),
            },
          ],
    protectionManual: (() => {
      const own = freeText(settings, 'protectionManual', language);
      return own.length > 0 ? own : [paragraph(t.protectionManual)];
    })(),
    protectionElectronic: [
      { kind: 'list', items: t.protectionElectronic },
      ...freeText(settings, 'protectionElectronic', language),
    ],
    cookies: [paragraph(t.cookies)],
    access: [
      paragraph(pkg.rights.access),
      paragraph(pkg.howTo(controller.name, controllerAddress)),
      ...freeText(settings, 'access', language),
    ],
    rectification: [
      paragraph(pkg.rights.rectification),
      paragraph(pkg.rights.complaint),
      paragraph(pkg.ombudsman),
    ],
    otherRights: [
      paragraph(pkg.rights.objection),
      paragraph(pkg.rights.erasure),
      paragraph(pkg.rights.restriction),
    ],
    retention: [
      paragraph(t.retentionIntro),
      {
        kind: 'list',
        items: RETENTIONS.map((retention) => pkg.retention[retention](facts.retentionYears)),
      },
    ],
  };

  return {
    language,
    title: t.title,
    registerName: settings.registerName[language],
    controllerName: controller.name,
    drawnUpOn: settings.drawnUpOn,
    lastChangedOn,
    sections: (Object.keys(sections) as StatementSection[]).map((key) => ({
      key,
      title: t.sections[key],
      blocks: sections[key],
    })),
  };
}

/**
 * The day the statement's content (in every language) took its present form: kept with a hash of
 * that content, and moved to today when the content differs from the one published before.
 */
async function lastChangedOn(db: Db, clock: Clock, facts: RegisterFacts): Promise<string> {
  const content = STATEMENT_LANGUAGES.map((language) => render(facts, language, ''));
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const now = clock.now();
  const [changed] = await db
    .insert(privacyStatementPublished)
    .values({ id: 1, contentHash, changedOn: helsinkiDate(now), publishedAt: now })
    .onConflictDoUpdate({
      target: privacyStatementPublished.id,
      set: { contentHash, changedOn: helsinkiDate(now), publishedAt: now },
      setWhere: sql`${privacyStatementPublished.contentHash} <> ${contentHash}`,
    })
    .returning({ changedOn: privacyStatementPublished.changedOn });
  if (changed) return changed.changedOn;
  const [published] = await db
    .select({ changedOn: privacyStatementPublished.changedOn })
    .from(privacyStatementPublished)
    .where(eq(privacyStatementPublished.id, 1));
  if (!published) throw new Error('the published statement row is missing');
  return published.changedOn;
}

/** The public privacy statement in one language, generated from the register's settings and data. */
export async function privacyStatementIn(
  db: Db,
  clock: Clock,
  options: { language: StatementLanguage; populationRegister: boolean },
): Promise<PrivacyStatement> {
  const facts = await registerFacts(db, clock, options.populationRegister);
  return render(facts, options.language, await lastChangedOn(db, clock, facts));
}
