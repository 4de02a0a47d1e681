/**
 * A button that opens the file picker and hands back the chosen file's name and text, read in the
 * pane with FileReader: nothing is uploaded anywhere.
 */
import { ReactNode, useRef } from "react";
import { Button, ButtonProps } from "@fluentui/react-components";
import type { PickedFile } from "../services/prodbookService";

/** The text of a picked file (UTF-8; a byte-order mark is dropped by the decoder). */
export function readPicked(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, text: String(reader.result ?? "") });
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsText(file, "utf-8");
  });
}

export interface FilePickButtonProps {
  appearance?: ButtonProps["appearance"];
  className?: string;
  disabled?: boolean;
  children: ReactNode;
  "aria-describedby"?: string;
  "data-command"?: string;
  accept: string;
  onFile: (file: PickedFile) => void;
  onError: (message: string) => void;
  /** Names the hidden input for tests and the browser test. */
  inputName: string;
}

export function FilePickButton({ accept, onFile, onError, inputName, children, ...button }: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        name={inputName}
        data-file-input={inputName}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // the same file can be picked again
          if (!file) return;
          readPicked(file).then(onFile, (err: unknown) => onError(`Could not read ${file.name}: ${String((err as Error)?.message ?? err)}`));
        }}
      />
    </>
  );
}
