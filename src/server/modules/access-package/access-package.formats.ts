import { helsinkiDate } from '../../../contract/dates.ts';
import { confidentialPdf } from '../../lib/pdf-pages.ts';
import type { AccessPackage } from '../../../contract/access-package/access-package.schemas.ts';
import {
  PACKAGE_TEXTS,
  packageDate,
  packageDateTime,
  packageMoney,
  type CategoryKey,
  type PackageTexts,
} from './access-package.texts.ts';

/** A download: the bytes, their media type and a file name without personal data. */
export type PackageFile = { body: Buffer; contentType: string; fileName: string };

function fileName(pkg: AccessPackage, extension: string): string {
  const day = helsinkiDate(new Date(pkg.generatedAt));
  return `${PACKAGE_TEXTS[pkg.documentLanguage].fileName}-${pkg.request.number}-${day}.${extension}`;
}

/** The package as JSON: the same object the API's response schema allows, pretty-printed. */
export function accessPackageJson(pkg: AccessPackage): PackageFile {
  return {
    body: Buffer.from(`${JSON.stringify(pkg, null, 2)}\n`, 'utf8'),
    contentType: 'application/json; charset=utf-8',
    fileName: fileName(pkg, 'json'),
  };
}

type Address = { street: string; postalCode: string; postOffice: string; country: string } | null;

const addressText = (value: Address) =>
  value ? `${value.street}, ${value.postalCode} ${value.postOffice}, ${value.country}` : null;

/** A line of the document: a label and its value, or a value alone. */
type Line = { label?: string; value: string | null | undefined };

/** One item of a section (an order, an invoice, a record): a heading and its lines. */
type Item = { heading: string; lines: Line[] };

type Block = { key: CategoryKey; lines: Line[]; items: Item[]; notes?: string[] };

/** Which category a person field's sources are shown under, and the field's label. */
function sourceField(t: PackageTexts, field: string): { key: CategoryKey; label: string } | null {
  const l = t.labels;
  const byField: Record<string, { key: CategoryKey; label: string }> = {
    firstName: { key: 'identity', label: l.firstName },
    lastName: { key: 'identity', label: l.lastName },
    personalIdentityCode: { key: 'identity', label: l.identityCode },
    email: { key: 'contact', label: l.email },
    phone: { key: 'contact', label: l.phone },
    permanentAddress: { key: 'contact', label: l.permanentAddress },
    contactAddress: { key: 'contact', label: l.contactAddress },
    addressProtection: { key: 'contact', label: l.addressProtection },
    language: { key: 'language', label: l.language },
    billing: { key: 'billing', label: t.categories.billing },
    organizations: { key: 'organizations', label: t.categories.organizations },
  };
  return byField[field] ?? null;
}

/** The document's content, category by category, in the request's language. */
function blocks(pkg: AccessPackage): Block[] {
  const t = PACKAGE_TEXTS[pkg.documentLanguage];
  const l = t.labels;
  const date = (iso: string | null) => packageDate(pkg.documentLanguage, iso);
  const time = (iso: string | null) => (iso ? packageDateTime(pkg.documentLanguage, iso) : '');
  const money = (cents: number) => packageMoney(pkg.documentLanguage, cents);
  const period = (from: string | null, to: string | null) =>
    from || to ? `${date(from)}–${date(to)}` : null;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const vat = (basisPoints: number) => `${(basisPoints / 100).toLocaleString(t.locale)} %`;

  const sourceLines = (key: CategoryKey): Line[] =>
    pkg.valueSources.flatMap((source) => {
      const field = sourceField(t, source.field);
      if (field?.key !== key) return [];
      const from = [
        t.valueSourceKinds[source.kind],
        source.partnerName,
        source.requestNumber !== null ? `#${source.requestNumber}` : null,
        source.reference,
      ]
        .filter(Boolean)
        .join(', ');
      return [
        {
          label: `${l.valueSources}: ${field.label}`,
          value: `${from} (${time(source.recordedAt)}, ${source.current ? l.current : l.earlier})`,
        },
      ];
    });

  const social = pkg.socialServices;
  const result: Block[] = [
    {
      key: 'identity',
      lines: [
        { label: l.firstName, value: pkg.identity.firstName },
        { label: l.lastName, value: pkg.identity.lastName },
        { label: l.identityCode, value: pkg.identity.personalIdentityCode },
        ...(pkg.identity.identityCodeTemporary === null
          ? []
          : [{ label: l.identityCodeTemporary, value: yesNo(pkg.identity.identityCodeTemporary) }]),
        {
          label: l.identityCodePurpose,
          value:
            pkg.identity.identityCodePurpose &&
            (t.identityCodePurposes[pkg.identity.identityCodePurpose] ??
              pkg.identity.identityCodePurpose),
        },
        ...sourceLines('identity'),
      ],
      items: [],
    },
    {
      key: 'contact',
      lines: [
        { label: l.email, value: pkg.contact.email },
        { label: l.phone, value: pkg.contact.phone },
        { label: l.permanentAddress, value: addressText(pkg.contact.permanentAddress) },
        { label: l.contactAddress, value: addressText(pkg.contact.contactAddress) },
        { label: l.addressProtection, value: yesNo(pkg.contact.addressProtection.active) },
        { label: l.addressProtectionEndsOn, value: date(pkg.contact.addressProtection.endsOn) },
        { label: l.addressProtectionSource, value: pkg.contact.addressProtection.source },
        ...sourceLines('contact'),
      ],
      items: [],
    },
    {
      key: 'language',
      lines: [
        { label: l.language, value: t.languages[pkg.language.language] ?? pkg.language.language },
        ...sourceLines('language'),
      ],
      items: [],
    },
    {
      key: 'billing',
      lines: pkg.billing
        ? [
            { label: l.billingAddress, value: addressText(pkg.billing.billingAddress) },
            { label: l.eInvoiceAddress, value: pkg.billing.eInvoiceAddress },
            { label: l.eInvoiceIntermediator, value: pkg.billing.eInvoiceIntermediator },
            { label: l.ovt, value: pkg.billing.ovt },
            ...sourceLines('billing'),
          ]
        : sourceLines('billing'),
      items: [],
    },
    {
      key: 'organizations',
      lines: sourceLines('organizations'),
      items: pkg.organizations.map((org) => ({
        heading: org.name,
        lines: [
          { label: l.businessId, value: org.businessId },
          { label: l.title, value: org.title },
        ],
      })),
    },
    {
      key: 'customerRecord',
      lines: [
        { label: l.notes, value: pkg.customerRecord.notes },
        { label: l.createdAt, value: time(pkg.customerRecord.createdAt) },
        { label: l.updatedAt, value: time(pkg.customerRecord.updatedAt) },
        { label: l.archivedAt, value: time(pkg.customerRecord.archivedAt) },
      ],
      items: [],
    },
    {
      key: 'orders',
      lines: [],
      items: pkg.orders.map((order) => ({
        heading: `${l.order} ${order.number}`,
        lines: [
          { label: l.status, value: t.orderStatus[order.status] ?? order.status },
          { label: l.createdAt, value: time(order.createdAt) },
          { label: l.deliveredOn, value: date(order.deliveredOn) },
          { label: l.notes, value: order.notes },
          { label: l.archivedAt, value: time(order.archivedAt) },
          { label: l.retainUntil, value: date(order.retainUntil) },
          ...order.lines.map((line) => ({
            label: `${l.line} ${line.position}`,
            value: `${line.description} · ${line.quantity} ${line.unit} × ${money(line.unitPriceCents)} · ${l.vat} ${vat(line.vatRateBasisPoints)}`,
          })),
        ],
      })),
    },
    {
      key: 'invoices',
      lines: [],
      items: pkg.invoices.map((invoice) => ({
        heading: `${invoice.kind === 'credit_note' ? l.creditNote : l.invoice} ${invoice.number}`,
        lines: [
          { label: l.status, value: t.invoiceStatus[invoice.status] ?? invoice.status },
          { label: l.invoiceDate, value: date(invoice.invoiceDate) },
          { label: l.dueDate, value: date(invoice.dueDate) },
          { label: l.reference, value: invoice.reference },
          { label: l.net, value: money(invoice.netCents) },
          { label: l.vat, value: money(invoice.vatCents) },
          { label: l.total, value: money(invoice.totalCents) },
          { label: l.delivery, value: t.delivery[invoice.delivery] ?? invoice.delivery },
          {
            label: l.recipientOnInvoice,
            value: [
              invoice.recipient.name,
              addressText(invoice.recipient.address),
              invoice.recipient.eInvoiceAddress,
            ]
              .filter(Boolean)
              .join(', '),
          },
          ...invoice.lines.map((line) => ({
            label: `${l.line} ${line.position}`,
            value: `${line.description} · ${line.quantity} ${line.unit} × ${money(line.unitPriceCents)} · ${l.vat} ${vat(line.vatRateBasisPoints)} · ${money(line.totalCents)}`,
          })),
          ...invoice.payments.map((payment) => ({
            label: l.payment,
            value: `${date(payment.paidOn)} · ${money(payment.amountCents)} · ${payment.reference}`,
          })),
          {
            label: l.credits,
            value: invoice.credits !== null ? String(invoice.credits) : null,
          },
          {
            label: l.creditedBy,
            value: invoice.creditedBy !== null ? String(invoice.creditedBy) : null,
          },
        ],
      })),
    },
    {
      key: 'disclosures',
      lines: [],
      items: pkg.disclosures.map((disclosure) => ({
        heading: `${time(disclosure.disclosedAt)} — ${disclosure.partner?.name ?? t.toDataSubject}`,
        lines: [
          ...(disclosure.partner ? [{ label: l.country, value: disclosure.partner.country }] : []),
          { label: l.legalBasis, value: t.legalBases[disclosure.legalBasis] },
          { label: l.purpose, value: disclosure.purpose },
          { label: l.fieldsSent, value: disclosure.fieldsSent.join(', ') },
          {
            label: l.fieldsWithheld,
            value: Object.entries(disclosure.fieldsWithheld)
              .map(([field, reason]) => `${field} (${t.omission[reason] ?? reason})`)
              .join(', '),
          },
          {
            label: l.handedOver,
            value: disclosure.handOver
              ? `${date(disclosure.handOver.handedOverOn)}, ${t.channels[disclosure.handOver.channel]}`
              : null,
          },
        ],
      })),
    },
    {
      key: 'socialServices',
      lines: social ? [] : [{ value: t.notClient }],
      items: social
        ? [
            ...social.relationships.map((row) => ({
              heading: `${l.unit}: ${row.unit}`,
              lines: [{ label: l.period, value: period(row.startsOn, row.endsOn) }],
            })),
            ...social.health.map((row) => ({
              heading: `${l.health}: ${row.category}`,
              lines: [
                { label: l.date, value: date(row.date) },
                { label: l.text, value: row.text },
                { label: l.source, value: row.source },
              ],
            })),
            ...social.serviceNeeds.map((row) => ({
              heading: `${l.needType}: ${row.needTypeName ?? row.needType}`,
              lines: [
                { label: l.assessedOn, value: date(row.assessedOn) },
                { label: l.status, value: t.needStatus[row.status] ?? row.status },
                { label: l.decisionReference, value: row.decisionReference },
                { label: l.source, value: row.source },
              ],
            })),
            ...social.income.map((row) => ({
              heading: `${l.year} ${row.year}`,
              lines: [
                { label: l.annualIncome, value: money(Math.round(row.annualIncome * 100)) },
                { label: l.totalAssets, value: money(Math.round(row.totalAssets * 100)) },
                { label: l.recordedOn, value: date(row.recordedOn) },
                { label: l.source, value: row.source },
              ],
            })),
            ...social.bankAccounts.map((row) => ({
              heading: `${l.iban}: ${row.iban}`,
              lines: [
                { label: l.accountPurpose, value: row.purpose },
                { label: l.source, value: row.source },
              ],
            })),
          ]
        : [],
    },
    {
      key: 'familyRelations',
      lines: [],
      items: pkg.familyRelations.map((relation) => ({
        heading: `${l.relation}: ${t.relations[relation.type] ?? relation.type}`,
        lines: [
          { label: l.period, value: period(relation.startsOn, relation.endsOn) },
          { label: l.source, value: relation.source },
        ],
      })),
      notes: [t.familyNote],
    },
    {
      key: 'requests',
      lines: [],
      items: pkg.requests.map((request) => ({
        heading: `${request.number}: ${t.requestTypes[request.type]}`,
        lines: [
          { label: l.receivedOn, value: date(request.receivedOn) },
          { label: l.channel, value: t.channels[request.channel] },
          { label: l.language, value: t.languages[request.language] },
          { label: l.status, value: t.requestStatus[request.status] },
          { label: l.dueOn, value: date(request.dueOn) },
          {
            label: l.identityVerified,
            value: request.identityVerification
              ? `${date(request.identityVerification.verifiedOn)}, ${t.methods[request.identityVerification.method]}`
              : null,
          },
          {
            label: l.extension,
            value: request.extension
              ? `${date(request.extension.toldOn)}: ${request.extension.reason}`
              : null,
          },
          {
            label: l.decision,
            value: request.decision
              ? [
                  `${date(request.decision.decidedOn)}, ${t.outcomes[request.decision.outcome]}`,
                  request.decision.reasons,
                ]
                  .filter(Boolean)
                  .join(': ')
              : null,
          },
          { label: l.answeredOn, value: date(request.answeredOn) },
          {
            label: l.attachments,
            value:
              request.attachments
                .map(
                  (file) =>
                    `${file.fileName ?? '–'} (${file.contentType}, ${date(file.createdAt.slice(0, 10))})`,
                )
                .join('; ') || null,
          },
        ],
      })),
      notes: [t.notesLeftOut],
    },
    {
      key: 'objections',
      lines: [],
      items: pkg.objections.map((objection) => ({
        heading: `${l.objection}: ${t.objectionKinds[objection.type]}`,
        lines: [
          { label: l.date, value: date(objection.objectedOn) },
          {
            label: l.source,
            value: [
              t.objectionSources[objection.source],
              objection.requestNumber !== null ? `#${objection.requestNumber}` : null,
            ]
              .filter(Boolean)
              .join(' '),
          },
          { label: l.notes, value: objection.note },
          {
            label: t.withdrawnOn,
            value: objection.withdrawnOn
              ? [date(objection.withdrawnOn), objection.withdrawalNote].filter(Boolean).join(': ')
              : null,
          },
        ],
      })),
    },
  ];
  if (pkg.processing) {
    result.push({
      key: 'processing',
      lines: [{ value: t.processingNote(date(pkg.processing.from), date(pkg.processing.to)) }],
      items: pkg.processing.entries.map((entry) => ({
        heading: `${time(entry.occurredAt)} — ${entry.action}`,
        lines: [
          {
            label: l.user,
            value: [entry.user, entry.role, entry.organisation].filter(Boolean).join(', '),
          },
          { label: l.data, value: entry.data.join(', ') },
          { label: l.purpose, value: entry.purpose },
        ],
      })),
    });
  }
  return result;
}

const MARGIN = 50;

/**
 * The package as a PDF (A4) in the request's language: every page carries the confidentiality
 * marking above and below (the answer holds special-category data and the identity code), then
 * the controller, the request, each category with its data and what is done with it, and the
 * person's rights. One column of "label: value" lines, so a value is never split across columns.
 */
export async function accessPackagePdf(pkg: AccessPackage): Promise<PackageFile> {
  const t = PACKAGE_TEXTS[pkg.documentLanguage];
  const generatedAt = new Date(pkg.generatedAt);
  const { doc, text, width, finish } = confidentialPdf({
    title: t.title,
    marking: t.marking,
    locale: t.locale,
    createdAt: generatedAt,
    margin: MARGIN,
    page: t.page,
  });
  const line = (entry: Line) => {
    if (entry.value === null || entry.value === undefined || entry.value === '') return;
    if (entry.label) {
      doc.font('Helvetica-Bold').text(`${text(entry.label)}: `, { width, continued: true });
    }
    doc.font('Helvetica').text(text(entry.value), { width });
  };

  doc.font('Helvetica-Bold').fontSize(16).text(text(t.title), { width });
  doc.moveDown(0.4).font('Helvetica').fontSize(9).text(text(t.intro), { width });
  doc.moveDown(0.6).fontSize(10);
  line({
    label: t.controller,
    value: `${pkg.controller.name} (${pkg.controller.businessId}), ${addressText(pkg.controller.address) ?? ''}`,
  });
  line({
    label: t.person,
    value: `${pkg.identity.firstName} ${pkg.identity.lastName}`,
  });
  line({
    label: t.contents,
    value: t.requestLine(
      pkg.request.number,
      packageDate(pkg.documentLanguage, pkg.request.receivedOn),
    ),
  });
  line({ label: t.generatedAt, value: packageDateTime(pkg.documentLanguage, pkg.generatedAt) });

  const about = new Map(pkg.categories.map((category) => [category.key, category]));
  for (const block of blocks(pkg)) {
    const category = about.get(block.key);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13);
    doc.text(text(t.categories[block.key]), { width });
    doc.moveDown(0.2).fontSize(10);
    const shown = block.lines.filter((entry) => entry.value);
    if (shown.length === 0 && block.items.length === 0) {
      doc.font('Helvetica-Oblique').text(text(t.none), { width });
    }
    for (const entry of shown) line(entry);
    for (const item of block.items) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(text(item.heading), { width });
      for (const entry of item.lines) line(entry);
    }
    for (const note of block.notes ?? []) {
      doc.moveDown(0.2).font('Helvetica-Oblique').fontSize(9).text(text(note), { width });
      doc.fontSize(10);
    }
    if (category) {
      doc.moveDown(0.3).fontSize(9);
      line({
        label: t.about.purposes,
        value: category.purposes.map((p) => p.text).join('; '),
      });
      line({ label: t.about.sources, value: category.sources.map((s) => s.text).join('; ') });
      line({
        label: t.about.recipients,
        value: category.recipients.map((r) => r.text).join('; '),
      });
      line({ label: t.about.retention, value: category.retention.text });
      doc.fontSize(10);
    }
  }

  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(text(t.rightsTitle), { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(10);
  for (const right of pkg.rights.items) {
    doc.text(text(`• ${right.text}`), { width });
    doc.moveDown(0.2);
  }
  doc.moveDown(0.3).text(text(pkg.rights.howToUse), { width });
  doc.moveDown(0.3).text(text(pkg.rights.ombudsman), { width });

  return { body: await finish(), contentType: 'application/pdf', fileName: fileName(pkg, 'pdf') };
}
