import { ROUTES, type Route } from './routes';
import { RouteLink } from './RouteLink';

const NAV_ORDER: Route[] = ['library', 'review', 'quality', 'ads', 'usage', 'settings'];

/** The views of the app. */
export function AppNav() {
  return (
    <nav className="app-nav" aria-label="Views" data-testid="app-nav">
      <div className="brand" aria-hidden="true">
        Swatchbook
      </div>
      <ul>
        {NAV_ORDER.map((route) => (
          <li key={route}>
            <RouteLink to={route} className="app-nav-link">
              {ROUTES[route].label}
            </RouteLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
