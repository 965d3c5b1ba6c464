import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value';

interface SearchBoxProps {
  label: string;
  value: string;
  onSearch: (q: string) => void;
}

/** A search field that asks the server once typing pauses (300 ms), not on every key. */
export function SearchBox({ label, value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The URL changed underneath (back button, a shared link): show what it says now.
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  const debounced = useDebouncedValue(text, 300);
  useEffect(() => {
    const q = debounced.trim();
    if (debounced === text && q !== value) onSearch(q);
  }, [debounced, text, value, onSearch]);
  return (
    <div className="field search-field">
      <label htmlFor="list-search">{label}</label>
      <input
        id="list-search"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
    </div>
  );
}
