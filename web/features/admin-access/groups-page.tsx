import { useState } from 'react';
import { GroupDetail } from './group-detail';
import { GroupList } from './group-list';

/**
 * Function "Tạo nhóm & phân quyền" (Điều 3.6): the list of groups and, on opening one, its
 * permissions and members. The list stays mounted (hidden) so its search and page survive.
 */
export default function GroupsPage() {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div data-testid="page-admin-groups">
      <div style={openId ? { display: 'none' } : undefined}>
        <GroupList onOpen={setOpenId} />
      </div>
      {openId && <GroupDetail key={openId} id={openId} onBack={() => setOpenId(null)} onOpen={setOpenId} />}
    </div>
  );
}
