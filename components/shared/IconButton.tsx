import type { ButtonHTMLAttributes } from 'react';
import { Icon } from './Icon';

/**
 * A small button showing only an icon. Its accessible name is the full action ("Move Bug up"), and
 * a short tooltip ("Move up") shows on hover and on keyboard focus, so sighted users see it too.
 */
export function IconButton({
  icon,
  name,
  tip,
  ...rest
}: {
  icon: Parameters<typeof Icon>[0]['name'];
  name: string;
  tip: string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'>) {
  return (
    <button type="button" className="em-icon-button" aria-label={name} data-tip={tip} {...rest}>
      <Icon name={icon} />
    </button>
  );
}
