/**
 * The enumerations of the contract: the values the database stores and the API speaks. The
 * server's tables and the web app read them from here, so a value exists in one place.
 */

/**
 * The words of the data subject's report ("who has processed my data") in the register's three
 * languages. The report is a document handed to a member of the public, so it says what was
 * done in plain words, not the log's field names.
 */
export const REPORT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const ACCESS_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'archive',
  'reveal',
  /** The "who has processed my data" report made for the data subject. */
  'report',
  /** A print-out, e.g. a social-services client summary. */
  'print',
  /** A social worker without a client relationship opened the client's data, stating why. */
  'breakGlass',
  /** Data sent to a partner: a disclosure (decision 0013), e.g. a debt to collection. */
  'disclose',
  /** Data taken out of the register in a file, e.g. a mailing list (decision 0018). */
  'export',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Entries an officer must review carry a flag. */
export const ACCESS_FLAGS = ['breakGlass'] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

/** What an erasure erases, by category: the answer and the letter name them. */
export const ERASED_CATEGORIES = [
  'person',
  'identityCode',
  'organisations',
  'requests',
  'valueSources',
  'objections',
  'disclosureSubjects',
  'socialServices',
  'orders',
  'invoices',
  'accessLogValues',
] as const;
export type ErasedCategory = (typeof ERASED_CATEGORIES)[number];

export const BLOCKER_CODES = [
  'erasure.openInvoices',
  'erasure.activeOrders',
  'erasure.pendingRequest',
  'erasure.legalHold',
  'erasure.socialServicesOngoing',
  'erasure.paperDocuments',
  'erasure.accountingRetention',
  'erasure.socialServicesRetention',
] as const;
export type BlockerCode = (typeof BLOCKER_CODES)[number];

/** The categories of the answer, in its order; the JSON's keys. */
export const CATEGORY_KEYS = [
  'identity',
  'contact',
  'language',
  'billing',
  'organizations',
  'customerRecord',
  'orders',
  'invoices',
  'disclosures',
  'socialServices',
  'familyRelations',
  'requests',
  'objections',
  'processing',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** The purposes of the privacy statement (requirements §3) and the law's own. */
export const PURPOSES = [
  'customerRegister',
  'orders',
  'customerRelationship',
  'development',
  'targeting',
  'publishedLists',
  'billing',
  'socialServices',
  'dataSubjectRights',
  'legalObligation',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The regular sources of the privacy statement (requirements §4). */
export const SOURCES = [
  'dataSubject',
  'populationRegister',
  'updateServices',
  'subcontractors',
  'partners',
  'municipality',
  'socialWorkers',
] as const;
export type Source = (typeof SOURCES)[number];

/** Who receives the data of a category (requirements §5). */
export const RECIPIENTS = [
  'municipalityStaff',
  'processors',
  'collection',
  'creditDecision',
  'legalObligation',
  'socialUnits',
  'dataSubjectOnly',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const RETENTIONS = [
  'customer',
  'accounting',
  'social',
  'requests',
  'disclosures',
  'accessLog',
] as const;
export type Retention = (typeof RETENTIONS)[number];

export const RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'portability',
  'complaint',
] as const;
export type Right = (typeof RIGHTS)[number];

export const DISCLOSURE_FORMATS = ['csv', 'json'] as const;
export type DisclosureFormat = (typeof DISCLOSURE_FORMATS)[number];

export const LEGAL_BASES = [
  'credit_decision',
  'debt_collection',
  'billing',
  'value_added_service',
  'legal_obligation',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Who received the data: a partner, or the data subject themself (the answer to their access
 * request handed over to them, decision 0016).
 */
export const DISCLOSURE_RECIPIENTS = ['partner', 'data_subject'] as const;
export type DisclosureRecipient = (typeof DISCLOSURE_RECIPIENTS)[number];

/** How an answer was handed over to the data subject (the channels of a request). */
export const HANDOVER_CHANNELS = ['letter', 'email', 'counter', 'e_service'] as const;
export type HandoverChannel = (typeof HANDOVER_CHANNELS)[number];

/** The file types a request's attachment may be: a scanned letter or a photo of one. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const RECTIFICATION_DECISIONS = ['granted', 'refused'] as const;
export type RectificationDecision = (typeof RECTIFICATION_DECISIONS)[number];

export const SOCIAL_RECORD_KINDS = ['health', 'serviceNeed', 'income', 'bankAccount'] as const;
export type SocialRecordKind = (typeof SOCIAL_RECORD_KINDS)[number];

/**
 * What waits on the register officer's review list: a break-the-glass grant, a new relationship
 * with a person who already is another unit's client, or a relationship backdated beyond the
 * grace period (decision 0012).
 */
export const SOCIAL_REVIEW_KINDS = [
  'breakGlass',
  'clientOfAnotherUnit',
  'backdatedRelationship',
] as const;
export type SocialReviewKind = (typeof SOCIAL_REVIEW_KINDS)[number];

/**
 * The uses a registered person may forbid (privacy statement; requirements §3 and §9): direct
 * marketing, distance selling, market and opinion research, publication in lists (mailing labels,
 * published lists) and targeting. The rule that applies them: modules/objections/usage-rule.ts.
 */
export const OBJECTION_TYPES = [
  'direct_marketing',
  'distance_selling',
  'market_research',
  'published_list',
  'targeting',
] as const;
export type ObjectionType = (typeof OBJECTION_TYPES)[number];

/**
 * Where the objection came from: a data subject's request (named by `request_id`), the person
 * through customer service, by email or through the register officer (the register's contact
 * person), a prohibition recorded in the population register (DVV), or the person in the e-service.
 */
export const OBJECTION_SOURCES = [
  'request',
  'customer_service',
  'email',
  'register_officer',
  'population_register',
  /** The person themself in the e-service, identified strongly (decision 0032). */
  'e_service',
] as const;
export type ObjectionSource = (typeof OBJECTION_SOURCES)[number];

/**
 * The grounds of a restriction of processing, as GDPR Art. 18(1) lists them: (a) the person
 * contests the accuracy of the data, for the time the controller needs to verify it; (b) the
 * processing is unlawful and the person opposes erasure; (c) the controller no longer needs the
 * data but the person needs them for legal claims; (d) the person objected (Art. 21(1)) and the
 * controller's legitimate grounds are being verified.
 */
export const RESTRICTION_GROUNDS = [
  'accuracy_contested',
  'unlawful_erasure_opposed',
  'legal_claims',
  'objection_pending',
] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

export const ERASURE_STATUSES = ['partial', 'complete'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** The rights a registered person may use by a request (privacy statement, GDPR Art. 15–21). */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'objection',
  /** Restriction of processing (GDPR Art. 18, decision 0033). */
  'restriction',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_CHANNELS = ['letter', 'email', 'counter', 'e_service'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

export const REQUEST_STATUSES = [
  'received',
  'identity_verified',
  'in_progress',
  'decided',
  'answered',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/** How the requester showed who they are: a signature, strong e-identification, or in person. */
export const IDENTITY_METHODS = ['signed_letter', 'strong_identification', 'in_person'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const ORDER_STATUSES = ['draft', 'confirmed', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const INVOICE_STATUSES = ['open', 'paid', 'in_collection', 'credited'] as const;
export type StoredInvoiceStatus = (typeof INVOICE_STATUSES)[number];
