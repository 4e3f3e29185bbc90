import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
  end?: boolean;
}

/** Sub-pages as a row of links; the current one is marked for assistive technology and visibly. */
export function Tabs({ label, tabs }: { label: string; tabs: readonly TabLink[] }) {
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end ?? false}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
