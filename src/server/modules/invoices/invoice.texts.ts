import type { InvoiceLanguage } from './invoice-document.ts';

/** The words of the invoice and the credit note, in the recipient's language. */
export type InvoiceTexts = {
  locale: string;
  title: string;
  creditTitle: string;
  number: string;
  invoiceDate: string;
  dueDate: string;
  reference: string;
  credits: string;
  businessId: string;
  seller: string;
  recipient: string;
  columns: {
    description: string;
    quantity: string;
    unitPrice: string;
    vatRate: string;
    net: string;
    vat: string;
    total: string;
  };
  vatSummary: string;
  netTotal: string;
  vatTotal: string;
  total: string;
  paid: string;
  open: string;
  payment: string;
  payee: string;
  iban: string;
  bic: string;
  amount: string;
  virtualBarcode: string;
  quoteReference: string;
  lateInterest: string;
  creditNoPayment: string;
  paidInFull: string;
  credited: string;
  page: (page: number, pages: number) => string;
};

export const INVOICE_TEXTS: Record<InvoiceLanguage, InvoiceTexts> = {
  fi: {
    locale: 'fi-FI',
    title: 'LASKU',
    creditTitle: 'HYVITYSLASKU',
    number: 'Laskun numero',
    invoiceDate: 'Laskun päivämäärä',
    dueDate: 'Eräpäivä',
    reference: 'Viitenumero',
    credits: 'Hyvittää laskun',
    businessId: 'Y-tunnus',
    seller: 'Laskuttaja',
    recipient: 'Vastaanottaja',
    columns: {
      description: 'Kuvaus',
      quantity: 'Määrä',
      unitPrice: 'à-hinta',
      vatRate: 'ALV %',
      net: 'Veroton',
      vat: 'ALV',
      total: 'Yhteensä',
    },
    vatSummary: 'Arvonlisäverot',
    netTotal: 'Veroton yhteensä',
    vatTotal: 'Arvonlisävero yhteensä',
    total: 'Yhteensä EUR',
    paid: 'Maksettu',
    open: 'Maksettavaa EUR',
    payment: 'Maksutiedot',
    payee: 'Saaja',
    iban: 'Saajan tilinumero (IBAN)',
    bic: 'BIC',
    amount: 'Euro',
    virtualBarcode: 'Virtuaaliviivakoodi',
    quoteReference: 'Käytä maksaessasi viitenumeroa.',
    lateInterest: 'Viivästyneestä maksusta peritään korkolain mukainen viivästyskorko.',
    creditNoPayment: 'Hyvityslasku: ei maksettavaa.',
    paidInFull: 'Lasku on maksettu. Kiitos.',
    credited: 'Lasku on hyvitetty: ei maksettavaa.',
    page: (page, pages) => `Sivu ${page}/${pages}`,
  },
  sv: {
    locale: 'sv-FI',
    title: 'FAKTURA',
    creditTitle: 'KREDITFAKTURA',
    number: 'Fakturanummer',
    invoiceDate: 'Fakturadatum',
    dueDate: 'Förfallodag',
    reference: 'Referensnummer',
    credits: 'Krediterar faktura',
    businessId: 'FO-nummer',
    seller: 'Fakturerare',
    recipient: 'Mottagare',
    columns: {
      description: 'Beskrivning',
      quantity: 'Antal',
      unitPrice: 'À-pris',
      vatRate: 'Moms %',
      net: 'Utan moms',
      vat: 'Moms',
      total: 'Totalt',
    },
    vatSummary: 'Mervärdesskatt',
    netTotal: 'Utan moms totalt',
    vatTotal: 'Moms totalt',
    total: 'Totalt EUR',
    paid: 'Betalt',
    open: 'Att betala EUR',
    payment: 'Betalningsuppgifter',
    payee: 'Mottagare',
    iban: 'Mottagarens kontonummer (IBAN)',
    bic: 'BIC',
    amount: 'Euro',
    virtualBarcode: 'Virtuell streckkod',
    quoteReference: 'Ange referensnumret när du betalar.',
    lateInterest: 'För försenad betalning debiteras dröjsmålsränta enligt räntelagen.',
    creditNoPayment: 'Kreditfaktura: inget att betala.',
    paidInFull: 'Fakturan är betald. Tack.',
    credited: 'Fakturan är krediterad: inget att betala.',
    page: (page, pages) => `Sida ${page}/${pages}`,
  },
  en: {
    locale: 'en-GB',
    title: 'INVOICE',
    creditTitle: 'CREDIT NOTE',
    number: 'Invoice number',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    reference: 'Reference',
    credits: 'Credits invoice',
    businessId: 'Business ID',
    seller: 'Seller',
    recipient: 'Recipient',
    columns: {
      description: 'Description',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      vatRate: 'VAT %',
      net: 'Net',
      vat: 'VAT',
      total: 'Total',
    },
    vatSummary: 'VAT',
    netTotal: 'Total excluding VAT',
    vatTotal: 'Total VAT',
    total: 'Total EUR',
    paid: 'Paid',
    open: 'Amount due EUR',
    payment: 'Payment details',
    payee: 'Payee',
    iban: "Payee's account (IBAN)",
    bic: 'BIC',
    amount: 'Euro',
    virtualBarcode: 'Virtual barcode',
    quoteReference: 'Please quote the reference when you pay.',
    lateInterest: 'Late payments bear interest under the Finnish Interest Act.',
    creditNoPayment: 'Credit note: nothing to pay.',
    paidInFull: 'The invoice has been paid. Thank you.',
    credited: 'The invoice has been credited: nothing to pay.',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};

/** The file name of an invoice's PDF or Finvoice: no personal data, just the number. */
export const INVOICE_FILE_NAMES: Record<InvoiceLanguage, string> = {
  fi: 'lasku',
  sv: 'faktura',
  en: 'invoice',
};
