// Buttons and button-looking links, in the few variants the product uses.
import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { Spinner } from "@/components/ui/spinner";
import styles from "@/components/ui/ui.module.css";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "regular" | "small";

function classesFor(variant: Variant, size: Size, extra?: string): string {
  return [styles.button, styles[variant], size === "small" ? styles.small : "", extra ?? ""].filter(Boolean).join(" ");
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  /** Shows a spinner and blocks a second click while a request runs. */
  isLoading?: boolean;
}

export function Button({
  variant = "secondary",
  size = "regular",
  isLoading = false,
  className,
  children,
  disabled,
  type,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type ?? "button"}
      className={classesFor(variant, size, className)}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...rest}
    >
      {isLoading ? <Spinner /> : null}
      {children}
    </button>
  );
}

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: Variant; size?: Size };

export function ButtonLink({ variant = "secondary", size = "regular", className, ...rest }: ButtonLinkProps) {
  return <Link className={classesFor(variant, size, className)} {...rest} />;
}
