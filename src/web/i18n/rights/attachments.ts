import type { FieldErrorCode } from '../../../contract/field-errors.ts';
/**
 * The attachments part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const attachmentsFi = {
  'attachments.title': 'Liitteet',
  'attachments.intro':
    'Pyynnön liitteet, esimerkiksi skannattu kirje: PDF, JPEG, PNG tai TIFF, enintään 10 Mt. Tallennetaan salattuna henkilön avaimella; poisto hävittää ne.',
  'attachments.none': 'Ei liitteitä.',
  'attachments.file': 'Tiedosto',
  'attachments.upload': 'Lisää liite',
  'attachments.uploading': 'Lisätään…',
  'attachments.uploadedDone': 'Liite {file} lisätty.',
  'attachments.download': 'Lataa {file}',
  'attachments.destroyed': '(hävitetty)',
  'attachments.meta': '{size} · {user} {time}',
  'attachments.historyAction': 'Liite lisätty',
  'attachments.chooseFirst': 'Valitse ensin tiedosto.',
} satisfies Record<string, string>;

export const attachmentsSv: Record<keyof typeof attachmentsFi, string> = {
  'attachments.title': 'Bilagor',
  'attachments.intro':
    'Begärans bilagor, t.ex. ett skannat brev: PDF, JPEG, PNG eller TIFF, högst 10 MB. Sparas krypterade med personens nyckel; radering förstör dem.',
  'attachments.none': 'Inga bilagor.',
  'attachments.file': 'Fil',
  'attachments.upload': 'Lägg till bilaga',
  'attachments.uploading': 'Läggs till…',
  'attachments.uploadedDone': 'Bilagan {file} har lagts till.',
  'attachments.download': 'Ladda ned {file}',
  'attachments.destroyed': '(förstörd)',
  'attachments.meta': '{size} · {user} {time}',
  'attachments.historyAction': 'Bilaga tillagd',
  'attachments.chooseFirst': 'Välj först en fil.',
};

export const attachmentsEn: Record<keyof typeof attachmentsFi, string> = {
  'attachments.title': 'Attachments',
  'attachments.intro':
    "The request's attachments, e.g. the scanned letter: PDF, JPEG, PNG or TIFF, at most 10 MB. Stored encrypted with the person's key; erasure destroys them.",
  'attachments.none': 'No attachments.',
  'attachments.file': 'File',
  'attachments.upload': 'Add attachment',
  'attachments.uploading': 'Adding…',
  'attachments.uploadedDone': 'Attachment {file} added.',
  'attachments.download': 'Download {file}',
  'attachments.destroyed': '(destroyed)',
  'attachments.meta': '{size} · {user} {time}',
  'attachments.historyAction': 'Attachment added',
  'attachments.chooseFirst': 'Choose a file first.',
};

/** Codes the server's problem documents carry for this part. */
export const ATTACHMENTS_ERROR_CODES = [
  'attachment.typeNotAllowed',
  'attachment.contentMismatch',
  'attachment.tooLarge',
  'attachment.empty',
] as const satisfies readonly FieldErrorCode[];

type Code = (typeof ATTACHMENTS_ERROR_CODES)[number];

export const attachmentsErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {
    'attachment.typeNotAllowed': 'Liitteen on oltava PDF, JPEG, PNG tai TIFF.',
    'attachment.contentMismatch': 'Tiedoston sisältö ei vastaa sen tyyppiä.',
    'attachment.tooLarge': 'Liite on liian suuri: enintään 10 Mt.',
    'attachment.empty': 'Tiedosto on tyhjä.',
  },
  sv: {
    'attachment.typeNotAllowed': 'Bilagan måste vara PDF, JPEG, PNG eller TIFF.',
    'attachment.contentMismatch': 'Filens innehåll motsvarar inte dess typ.',
    'attachment.tooLarge': 'Bilagan är för stor: högst 10 MB.',
    'attachment.empty': 'Filen är tom.',
  },
  en: {
    'attachment.typeNotAllowed': 'The attachment must be a PDF, JPEG, PNG or TIFF file.',
    'attachment.contentMismatch': "The file's content does not match its type.",
    'attachment.tooLarge': 'The attachment is too large: at most 10 MB.',
    'attachment.empty': 'The file is empty.',
  },
};
