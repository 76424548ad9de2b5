"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * Rich text for vacancy descriptions: paragraphs, headings, bold, italic, lists and quotes —
 * exactly what the server keeps after sanitizing (links, images, code and styles are not offered).
 * The editor is created once; its HTML goes out through `onChange` (kept in a ref, so a new
 * callback from the parent never reconfigures the editor).
 */
export function RichTextEditor(props: {
  id: string;
  label: string;
  hint?: string;
  initialValue: string;
  onChange: (html: string) => void;
  errors?: string[] | null;
  readOnly?: boolean;
}) {
  const t = useTranslations("richText");
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  const onChange = useRef(props.onChange);
  useEffect(() => {
    onChange.current = props.onChange;
  }, [props.onChange]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !props.readOnly,
      extensions: [
        StarterKit.configure({
          heading: { levels: [3, 4] },
          code: false,
          codeBlock: false,
          horizontalRule: false,
          link: false,
          strike: false,
          underline: false,
        }),
      ],
      content: props.initialValue,
      editorProps: {
        attributes: {
          id: props.id,
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": `${props.id}-label`,
          ...(hintId ? { "aria-describedby": hintId } : {}),
          class: "prose-vacancy min-h-48 px-3 py-2 text-base focus:outline-none",
        },
      },
      onUpdate: ({ editor: current }) => onChange.current(current.isEmpty ? "" : current.getHTML()),
    },
    [],
  );
  const buttons = [
    { key: "bold", label: t("bold"), run: () => editor?.chain().focus().toggleBold().run(), text: "B" },
    { key: "italic", label: t("italic"), run: () => editor?.chain().focus().toggleItalic().run(), text: "I" },
    { key: "heading", label: t("heading"), run: () => editor?.chain().focus().toggleHeading({ level: 3 }).run(), text: "H" },
    { key: "bullet", label: t("bulletList"), run: () => editor?.chain().focus().toggleBulletList().run(), text: "•" },
    { key: "ordered", label: t("orderedList"), run: () => editor?.chain().focus().toggleOrderedList().run(), text: "1." },
    { key: "quote", label: t("quote"), run: () => editor?.chain().focus().toggleBlockquote().run(), text: "❝" },
  ];
  return (
    <div className="flex flex-col gap-1">
      <span id={`${props.id}-label`} className="text-sm font-medium text-gray-800">
        {props.label}
      </span>
      <div className={`rounded-md border bg-white ${props.errors?.length ? "border-red-600" : "border-gray-400"}`}>
        {props.readOnly ? null : (
          <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap gap-1 border-b border-gray-200 p-1">
            {buttons.map((b) => (
              <button
                key={b.key}
                type="button"
                aria-label={b.label}
                title={b.label}
                onClick={b.run}
                className="min-w-9 rounded px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-100"
              >
                <span aria-hidden="true">{b.text}</span>
              </button>
            ))}
          </div>
        )}
        <EditorContent editor={editor} />
      </div>
      {props.hint ? (
        <p id={hintId} className="text-xs text-gray-600">
          {props.hint}
        </p>
      ) : null}
      {props.errors?.length ? (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {props.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
