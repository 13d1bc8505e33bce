import type { MouseEvent, ReactNode } from 'react';
import { goTo, routeUrl, useRoute, type Route } from './routes';

interface RouteLinkProps {
  to: Route;
  children: ReactNode;
  className?: string;
}

/** A real link (so it can be focused, middle-clicked, copied) that switches views without reloading. */
export function RouteLink({ to, children, className }: RouteLinkProps) {
  const current = useRoute();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    goTo(to);
  };
  return (
    <a href={routeUrl(to)} className={className} aria-current={current === to ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
