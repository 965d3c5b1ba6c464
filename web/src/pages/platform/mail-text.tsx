import { Link } from 'react-router';

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;
const CONSOLE_PAGES = ['/accept-invite', '/reset-password', '/verify-email'];

/**
 * A mail's text with its links made clickable. Links to this console's own pages open here,
 * whatever host PUBLIC_URL named, so the outbox works on any port.
 */
export function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mail-text">
      {parts.map((part, index) => {
        if (index % 2 === 0) return part;
        let url: URL | null = null;
        try {
          url = new URL(part);
        } catch {
          return part;
        }
        if (CONSOLE_PAGES.includes(url.pathname)) {
          return (
            <Link key={index} to={`${url.pathname}${url.search}`} className="mail-link">
              {part}
            </Link>
          );
        }
        return (
          <a key={index} href={part} target="_blank" rel="noreferrer noopener">
            {part}
          </a>
        );
      })}
    </pre>
  );
}
