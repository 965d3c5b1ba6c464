import { isApiError, otherFieldErrors } from '../api/api-error';
import { ErrorPanel } from './error-panel';

interface FormErrorsProps {
  error: unknown;
  /** Fields the form shows errors beside; any other detail is listed here. */
  fields: readonly string[];
}

/** A form's error summary: field problems are beside their fields, everything else is here. */
export function FormErrors({ error, fields }: FormErrorsProps) {
  if (!error) return null;
  // A 409 naming its field (a taken id) is shown on that field, like a validation error.
  const onFields = isApiError(error) && otherFieldErrors(error, fields).length < error.details.length;
  if (isApiError(error) && (error.code === 'VALIDATION_FAILED' || onFields)) {
    const others = otherFieldErrors(error, fields);
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">Some fields need attention</p>
        <p>Correct the fields marked below and send again.</p>
        {others.length > 0 && (
          <ul>
            {others.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return <ErrorPanel error={error} />;
}
