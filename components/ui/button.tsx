import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-[var(--accent)] text-white hover:bg-[var(--accent-strong)] disabled:opacity-60",
  secondary: "border border-[var(--border)] bg-[var(--surface)] hover:bg-[var(--muted)] disabled:opacity-60",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
  ghost: "hover:bg-[var(--muted)]",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", extra = "") {
  return `inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[var(--accent)] ${variants[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
