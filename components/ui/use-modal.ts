"use client";
// A <dialog> opened as a modal when its component mounts (the parent mounts it to open it).
import { useEffect, useRef } from "react";

export function useModal() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return dialog;
}
