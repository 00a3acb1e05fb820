/** The single row a table shows while it has nothing to list. */
export function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr className="empty-row">
      <td colSpan={columns}>{text}</td>
    </tr>
  );
}
