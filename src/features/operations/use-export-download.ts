// Downloads a finished export's file from the server, named as the dashboard names member files, and says what
// was saved or what went wrong.
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { fetchExportFile, type OperationSummary } from '../../api/operations.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { memberFileName, type MemberFileFormat } from '../../lib/member-list-file.ts';

export function useExportDownload(operation: OperationSummary) {
  const api = useApi();
  return useMutation({
    mutationFn: async (format: MemberFileFormat) => {
      const blob = await fetchExportFile(api, operation.id, format);
      const name = memberFileName('members', operation.threadId ?? '', new Date(), format);
      downloadFile(blob, name);
      return name;
    },
  });
}
