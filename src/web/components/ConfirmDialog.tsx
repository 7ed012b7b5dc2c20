import { useId, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import {
  Button,
  Modal,
  ModalContent,
  ModalFooter,
  ModalTitle,
  Paragraph,
} from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProblemNotice } from './Notices.tsx';

/**
 * A modal that asks before an action. Opening moves the focus into it (to `focusOnOpen`, else
 * to "Cancel"); closing returns it to the button that opened it (`opener`). Esc cancels.
 */
export function ConfirmDialog({
  open,
  title,
  explanation,
  children,
  failure,
  busy,
  confirmText,
  cancelText,
  onConfirm,
  onCancel,
  opener,
  focusOnOpen,
}: {
  open: boolean;
  title: string;
  explanation: string;
  /** What the dialog asks for, below the explanation (e.g. an input). */
  children?: ReactNode;
  /** Why the action failed, or null. */
  failure: unknown;
  busy: boolean;
  confirmText: string;
  /** The button that keeps things as they are; "Cancel" unless the question needs other words. */
  cancelText?: string;
  onConfirm: () => void;
  onCancel: () => void;
  opener: RefObject<HTMLButtonElement | null>;
  focusOnOpen?: RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  return (
    <Modal
      visible={open}
      ariaLabelledBy={titleId}
      appElementId="app"
      focusOnOpenRef={focusOnOpen ?? cancelButton}
      focusOnCloseRef={opener}
      onEscKeyDown={onCancel}
    >
      <ModalContent>
        <ModalTitle id={titleId}>{title}</ModalTitle>
        <Paragraph mb={children ? 'm' : undefined}>{explanation}</Paragraph>
        {children}
        {failure !== null && <ProblemNotice error={failure} />}
      </ModalContent>
      <ModalFooter>
        <Button onClick={onConfirm} disabled={busy}>
          {confirmText}
        </Button>
        <Button variant="secondary" ref={cancelButton} onClick={onCancel}>
          {cancelText ?? t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
